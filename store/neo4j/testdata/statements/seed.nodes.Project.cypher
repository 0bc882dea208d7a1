CYPHER 5
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n:Project
SET n += row.props
RETURN count(n) AS written
