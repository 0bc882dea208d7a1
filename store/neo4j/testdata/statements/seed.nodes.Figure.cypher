CYPHER 5
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n:Figure
SET n += row.props
RETURN count(n) AS written
