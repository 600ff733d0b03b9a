#!/usr/bin/env python
"""Django's manage.py, for those who expect it; `broadsheet` is the same command."""

from broadsheet.cli import main

if __name__ == "__main__":
    main()
