"""Test helpers shared by unit, build and browser tests."""
