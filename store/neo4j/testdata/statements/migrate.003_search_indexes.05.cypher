CYPHER 5 CREATE TEXT INDEX commitment_search_text IF NOT EXISTS FOR (n:Commitment) ON (n.searchText)
