CYPHER 5 CREATE FULLTEXT INDEX corridor_search IF NOT EXISTS
FOR (n:Node) ON EACH [n.searchTokens, n.searchExact, n.searchKind]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}
