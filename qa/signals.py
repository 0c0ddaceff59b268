"""Signals of the question desk.

`question_received(record)`: a member's question was saved from the public form (after the
transaction commits); `qa.desk` sends the asker the confirmation with the reference.
"""

from django.dispatch import Signal

question_received = Signal()
