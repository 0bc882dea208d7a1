CYPHER 5
UNWIND $ids AS id
MATCH (:Node {id: id})-[r]-(n:Node)
WHERE type(r) IN $types
  AND NOT n.id IN $seen
  AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
WITH DISTINCT n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, n {
  node: n,
  out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
  in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
  signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
  evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
} AS node
