MATCH (n:Project)
  WHERE ($pillarId IS NULL OR EXISTS { (n)-[:IN_PILLAR]->(:Pillar {id: $pillarId}) })
    AND ($programmeId IS NULL
      OR EXISTS { (n)-[:IN_PROGRAMME]->(:Programme {id: $programmeId}) }
      OR EXISTS { (n)-[:IN_PILLAR]->(:Pillar)-[:PILLAR_OF]->(:Programme {id: $programmeId}) })
    AND ($statuses IS NULL OR n.status IN $statuses)
    AND ($texts IS NULL OR any(text IN $texts WHERE n.searchText CONTAINS text))
