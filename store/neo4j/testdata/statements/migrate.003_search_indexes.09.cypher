CYPHER 5 CALL db.awaitIndexes(300)
