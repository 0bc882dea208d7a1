MATCH (n:Source)
  WHERE ($publisher IS NULL OR n.publisher = $publisher)
    AND ($texts IS NULL OR any(text IN $texts WHERE n.searchText CONTAINS text))
