// Wipe (contract tests only): delete up to $batch nodes with their relationships.
// The adapter repeats it until nothing is left, so no transaction grows with the
// database (Community edition cannot drop and recreate a database instead).
CYPHER 5
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
