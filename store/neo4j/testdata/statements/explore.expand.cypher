CYPHER 5
UNWIND $ids AS id
MATCH (:Node {id: id})-[r]-(m:Node)
WHERE type(r) IN $types
WITH DISTINCT id, m
OPTIONAL MATCH (m)-[:HOLDS|AT|MADE|MADE_TO]-(x:Node)
WHERE $derived AND (m:Role OR m:Commitment)
WITH id, collect(DISTINCT m) + collect(DISTINCT x) AS reached
UNWIND reached AS n
WITH DISTINCT id, n
LIMIT $limit
RETURN id, n.id AS neighbour, CASE WHEN n:Person THEN 0 WHEN n:Organization THEN 1 WHEN n:Country THEN 2 WHEN n:Role THEN 3 WHEN n:Meeting THEN 4 WHEN n:Commitment THEN 5 WHEN n:Project THEN 6 WHEN n:Programme THEN 7 WHEN n:Pillar THEN 8 WHEN n:Figure THEN 9 WHEN n:Source THEN 10 END AS kind
