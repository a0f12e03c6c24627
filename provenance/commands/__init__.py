"""What the ``provenance`` commands do beyond parsing: ``cli.py`` parses the arguments, calls these, prints.

``terminal`` writes to the terminal (JSON, neutralised text, progress bars); ``tables`` turns records into
the text the commands print; ``batch`` is the JSON-lines loop of ``compare --jsonl``; ``check`` holds the
output rules of ``check`` (globs, report files, the corpus mode); ``translate`` reads and splits the text
``translate`` is given. None of them parses arguments.
"""
