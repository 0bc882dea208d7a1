// Seed, step 2 (one statement per kind; {{label}} comes from domain.Kinds):
// upsert the records' own properties. Absent fields are sent as null, which
// removes a stale property.
CYPHER 5
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n:{{label}}
SET n += row.props
RETURN count(n) AS written
