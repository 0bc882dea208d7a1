CYPHER 5
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n:Programme
SET n += row.props
RETURN count(n) AS written
