"""Reading a news article: who it quotes, what they said, and when — pure functions over text.

Nothing here touches the database but `importer.py`, which turns a reading into draft records.
"""
