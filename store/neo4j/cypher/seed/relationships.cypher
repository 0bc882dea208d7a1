// Seed, step 6 (one statement per relationship type; {{type}} comes from
// domain.RelTypes): the relationships derived from the records' fields. position
// keeps the order of the record's list; evidence lists the IDs of the Evidence
// nodes supporting the claim; capacity is set on PARTICIPATED_IN only.
CYPHER 5
UNWIND $rows AS row
WITH row, row.from AS fromId, row.to AS toId
MATCH (a:Node {id: fromId})
MATCH (b:Node {id: toId})
MERGE (a)-[r:{{type}} {position: row.position}]->(b)
SET r.evidence = row.evidence, r.capacity = row.capacity
RETURN count(r) AS written
