module github.com/corridor-kg/corridor

go 1.26
