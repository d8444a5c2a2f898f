"""Local SQLite storage (peewee models, connection, repository queries); never imports Qt."""
