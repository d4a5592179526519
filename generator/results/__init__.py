"""`mentorbook results`: filled forms and survey exports in, a report out (read -> check ->
tally -> charts -> report)."""
