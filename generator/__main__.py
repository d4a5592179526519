"""`python -m generator` is the same as `mentorbook`."""

from generator.cli import main

raise SystemExit(main())
