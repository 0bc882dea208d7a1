CYPHER 5
UNWIND $rows AS row
WITH row, row.from AS fromId, row.to AS toId
MATCH (a:Node {id: fromId})
MATCH (b:Node {id: toId})
MERGE (a)-[r:PILLAR_OF {position: row.position}]->(b)
SET r.evidence = row.evidence, r.capacity = row.capacity
RETURN count(r) AS written
