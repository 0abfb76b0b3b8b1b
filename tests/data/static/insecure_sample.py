# Deliberately insecure code: the project's semgrep rules must find every line below.
import pickle
import xml.etree.ElementTree

import sqlalchemy
import yaml


def bad(conn, name, blob, text):
    conn.execute(f"SELECT * FROM claimants WHERE last_name = '{name}'")
    sqlalchemy.text("SELECT * FROM claimants WHERE id = %s" % name)  # noqa: UP031
    pickle.loads(blob)
    yaml.load(text)
    xml.etree.ElementTree.fromstring(text)
