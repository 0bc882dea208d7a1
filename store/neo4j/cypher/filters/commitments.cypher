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
