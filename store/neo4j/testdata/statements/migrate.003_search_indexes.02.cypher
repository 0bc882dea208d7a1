CYPHER 5 CREATE TEXT INDEX organization_search_text IF NOT EXISTS FOR (n:Organization) ON (n.searchText)
