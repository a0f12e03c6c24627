"""One recogniser per construction. Each reads the article index, and proposes passages with their evidence
to the ledger it is given; the resolver decides the order they run in and settles what they propose."""
