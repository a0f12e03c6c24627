"""Language resources shared by alignment, comparison and translation: lemmas and dictionaries.

``lemmas`` (simplemma through memory-mapped tries, the cache root of compiled resources) and
``freedict`` (FreeDict dictd word lists). Nothing here imports align, compare or translate.
"""
