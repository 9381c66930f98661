module countersign.example/template

go 1.21
