CYPHER 5
CALL () {
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
  WITH n, n.status AS key
  RETURN count(n) AS total, count(CASE WHEN ($afterId IS NULL OR ($afterKey IS NULL AND key IS NULL AND n.id > $afterId) OR ($afterKey IS NOT NULL AND (key IS NULL OR key > $afterKey OR (key = $afterKey AND n.id > $afterId)))) THEN 1 END) AS remaining
}
CALL () {
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
  WITH n, n.status AS key
  WHERE ($afterId IS NULL OR ($afterKey IS NULL AND key IS NULL AND n.id > $afterId) OR ($afterKey IS NOT NULL AND (key IS NULL OR key > $afterKey OR (key = $afterKey AND n.id > $afterId))))
  WITH n, key
  ORDER BY key IS NULL, key ASC, n.id
  LIMIT $limit
  RETURN collect([key, n {
    node: n,
    out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
    in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
    signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
    evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
  }]) AS rows
}
RETURN total, remaining, rows
