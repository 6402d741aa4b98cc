"""A story long enough, and a second source, for generated test case studies.

Every case study must tell a story of 400 to 900 words, cite two sources and
say what changed (hooks/case_studies/content.py). Tests that generate case
studies about something else add these, so the content checks pass and the
test fails only for what it is about. The stored fixtures hold the same text.
"""

from __future__ import annotations

# 436 words, the six sections of case_studies/_template.md, and the words the
# check wants when `evidence: {level: none found}` stands in for outcomes.
STORY = """
## Context

People who used the service said it was planned for them, not with them.
Staff agreed. Meetings happened in office hours, in a building that was hard
to reach by bus, and the papers were long and full of jargon. Few people
came, and the same few voices were heard every time.

## Who was involved and how

A group of twelve people with lived experience formed a panel. They were
paid for their time, had their travel covered and chose where to meet. Two
members chaired the meetings with a manager. Everyone had the papers a week
before, written in plain English, and anyone could bring a friend.

## What they did

The panel looked at how people first came to the service. They walked the
route from the bus stop, read every letter the service sent and listened to
people who had stopped coming. They wrote down what got in the way and what
helped. Then they worked with staff to choose three changes to try first:
shorter letters, an evening drop-in and a named contact for each person.
Each change was tried for three months and talked over at the next meeting.
When something did not work, the panel said so, and the change was altered
or dropped.

## What changed

Letters became shorter and friendlier. The evening drop-in became the
busiest session of the week. People said they felt listened to. We found no
published evaluation of these changes, so this story relies on what the
organisation and the panel say about their own work.

## What was hard

Paying people took months to arrange, because the payroll system had never
paid anyone who was not staff. Some managers found it hard to hand over
decisions, and at first the panel was asked to comment on plans that were
already finished. Keeping the panel diverse took effort: people who worked
during the day, or who cared for someone, could not always come. Meetings
moved to different times and places, and notes went out to those who missed
one.

## What others can learn

Start with the money: agree payments and expenses before the first meeting.
Give the group real decisions, not just plans to comment on, and say which
decisions are theirs. Share papers early and write them plainly. Review the
changes together, and be honest when something has not worked. Keep asking
who is missing, and change how you meet so they can come.
"""

# A second source, as YAML lines for a front matter's `sources:` list.
SECOND_SOURCE = """  - title: Second fixture source
    url: https://source.example/second
    publisher: Fixture Publisher
    accessed: 2026-01-02
"""
# Says what changed when a case study has no outcomes.
NONE_FOUND = "evidence:\n  level: none found\n"
