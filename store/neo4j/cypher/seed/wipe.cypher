// Wipe (contract tests only): delete every node and relationship of the database.
CYPHER 5
MATCH (n)
DETACH DELETE n
