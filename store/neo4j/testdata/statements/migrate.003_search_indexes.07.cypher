CYPHER 5 CREATE TEXT INDEX source_search_text IF NOT EXISTS FOR (n:Source) ON (n.searchText)
