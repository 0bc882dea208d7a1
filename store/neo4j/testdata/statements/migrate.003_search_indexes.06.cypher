CYPHER 5 CREATE TEXT INDEX project_search_text IF NOT EXISTS FOR (n:Project) ON (n.searchText)
