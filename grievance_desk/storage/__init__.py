"""The encrypted register: tables, SQLCipher engine, keys, migrations, audit chain."""
