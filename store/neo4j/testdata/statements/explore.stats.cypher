CYPHER 5
MATCH (n:Commitment)
  WHERE ($madeById IS NULL OR EXISTS { (:Node {id: $madeById})-[:MADE]->(n) })
    AND ($madeToId IS NULL OR EXISTS { (n)-[:MADE_TO]->(:Node {id: $madeToId}) })
    AND ($meetingId IS NULL OR EXISTS { (n)-[:MADE_AT]->(:Meeting {id: $meetingId}) })
    AND ($series IS NULL OR EXISTS { (n)-[:MADE_AT]->(m:Meeting) WHERE m.series = $series })
    AND ($concernsId IS NULL OR EXISTS { (n)-[:CONCERNS]->(:Node {id: $concernsId}) })
    AND ($projectId IS NULL OR EXISTS { (n)-[:CONCERNS]->(:Node {id: $projectId}) })
    AND ($pillarId IS NULL OR EXISTS {
      (n)-[:CONCERNS]->(c:Node)
      WHERE c.id = $pillarId OR EXISTS { (c)-[:IN_PILLAR]->(:Pillar {id: $pillarId}) }
    })
    AND ($programmeId IS NULL OR EXISTS {
      (n)-[:CONCERNS]->(c:Node)
      WHERE c.id = $programmeId
        OR EXISTS { (c)-[:IN_PROGRAMME|PILLAR_OF]->(:Programme {id: $programmeId}) }
        OR EXISTS { (c)-[:IN_PILLAR]->(:Pillar)-[:PILLAR_OF]->(:Programme {id: $programmeId}) }
    })
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($statuses IS NULL OR n.status IN $statuses)
    AND ($from IS NULL OR n.dateEnd >= $from)
    AND ($to IS NULL OR n.dateStart <= $to)
    AND ($texts IS NULL OR any(text IN $texts WHERE n.searchText CONTAINS text))
WITH n, COLLECT {
  MATCH (n)-[:CONCERNS]->(k:Pillar) WHERE $group = 'PILLAR' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Project)-[:IN_PILLAR]->(k:Pillar) WHERE $group = 'PILLAR' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(k:Programme) WHERE $group = 'PROGRAMME' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Pillar)-[:PILLAR_OF]->(k:Programme) WHERE $group = 'PROGRAMME' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Project)-[:IN_PROGRAMME]->(k:Programme) WHERE $group = 'PROGRAMME' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Project)-[:IN_PILLAR]->(:Pillar)-[:PILLAR_OF]->(k:Programme) WHERE $group = 'PROGRAMME'
  RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:MADE_AT]->(k:Meeting) WHERE $group = 'MEETING' RETURN [k.id, k.title] AS pair
  UNION
  MATCH (n)-[:MADE_AT]->(k:Meeting) WHERE $group = 'SERIES' RETURN [k.series, k.series] AS pair
  UNION
  MATCH (k:Node)-[:MADE]->(n) WHERE $group = 'ACTOR' RETURN [k.id, k.name] AS pair
  UNION
  WITH n WHERE $group = 'KIND' RETURN [n.kind, n.kind] AS pair
  UNION
  WITH n WHERE $group = 'STATUS' RETURN [n.status, n.status] AS pair
  UNION
  WITH n WHERE $group = 'YEAR' RETURN [left(n.date, 4), left(n.date, 4)] AS pair
} AS pairs
WITH n, [p IN pairs WHERE p[0] IS NOT NULL AND p[0] <> ''] AS pairs
UNWIND CASE WHEN size(pairs) = 0 THEN [['', '']] ELSE pairs END AS pair
WITH pair[0] AS key, coalesce(pair[1], '') AS label, n
WITH key, label, count(n) AS commitments,
  collect(CASE WHEN n.amountValue IS NOT NULL
    THEN [n.amountCurrency, n.amountValue, n.amountMaxValue, n.amountApproximate] END) AS amounts
RETURN key, label, commitments, amounts
