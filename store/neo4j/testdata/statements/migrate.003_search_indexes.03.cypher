CYPHER 5 CREATE TEXT INDEX country_search_text IF NOT EXISTS FOR (n:Country) ON (n.searchText)
