/// The OpenAPI 3.1 description of the service, served at `/api/v1/openapi.json`. The API
/// tests check every route's real answers against these schemas.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "uccn partner query service",
            "version": "1.0.0",
            "description": "Partner suggestions, standings, what-if analysis, maps and planner reports for the UNESCO Creative Cities Network (uccn serve). {id} is a city id (hanoi-vn) or any name the forgiving lookup resolves (Ha Noi, hà nội, \"Granada, Spain\"). Errors are {\"error\": {\"status\", \"message\"}} with candidates (409, ambiguous name) or suggestions (404, unknown city). Request bodies are limited to 65536 bytes (413 above). See docs/service.md."
          },
          "servers": [{"url": "http://127.0.0.1:8080"}],
          "paths": {
            "/healthz": {
              "get": {
                "summary": "Liveness",
                "responses": {"200": {"description": "Running", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}}
              }
            },
            "/api/v1/openapi.json": {
              "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}
            },
            "/api/v1/cities": {
              "get": {
                "summary": "Find cities (forgiving lookup, closest first; every city without q)",
                "parameters": [
                  {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Name, id or name with country, in any case, with or without diacritics"},
                  {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}, "description": "Most matches returned (10 with q, every city without)"}
                ],
                "responses": {
                  "200": {"description": "Matches", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CityMatches"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              }
            },
            "/api/v1/cities/{id}": {
              "get": {
                "summary": "A city, its measures (value and rank) and its links",
                "parameters": [{"$ref": "#/components/parameters/City"}],
                "responses": {
                  "200": {"description": "The city", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CityDetail"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/UnknownCity"},
                  "409": {"$ref": "#/components/responses/AmbiguousCity"}
                }
              }
            },
            "/api/v1/cities/{id}/partners": {
              "get": {
                "summary": "Suggested partners: the JSON of uccn partners CITY --format json with the same options",
                "parameters": [
                  {"$ref": "#/components/parameters/City"},
                  {"name": "top", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 10}},
                  {"name": "field", "in": "query", "schema": {"type": "string"}, "description": "Creative field of the candidates (Design, Media Arts, ...)"},
                  {"name": "region", "in": "query", "schema": {"type": "string"}, "description": "UNESCO region of the candidates (Europe, Asia and the Pacific, ...)"},
                  {"name": "country", "in": "query", "schema": {"type": "string"}, "description": "Country of the candidates (name or ISO code)"},
                  {"name": "goal", "in": "query", "schema": {"type": "string", "enum": ["cooperation", "twinning"], "default": "cooperation"}},
                  {"name": "layers", "in": "query", "schema": {"type": "string", "default": "all"}, "description": "Link layers the ranking may use, comma-separated: sister-city, partnership, cooperation, proposed, planned, or all"},
                  {"name": "include-linked", "in": "query", "schema": {"type": "boolean", "default": false}},
                  {"name": "what-if", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 10}, "description": "For the first N suggestions, the city's betweenness and closeness ranks if linked"}
                ],
                "responses": {
                  "200": {"description": "Ranked, explained suggestions", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PartnerSuggestions"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/UnknownCity"},
                  "409": {"$ref": "#/components/responses/AmbiguousCity"}
                }
              }
            },
            "/api/v1/cities/{id}/partners.csv": {
              "get": {
                "summary": "The same suggestions as CSV (uccn partners --format csv); same parameters as /partners",
                "parameters": [{"$ref": "#/components/parameters/City"}],
                "responses": {
                  "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/UnknownCity"},
                  "409": {"$ref": "#/components/responses/AmbiguousCity"}
                }
              }
            },
            "/api/v1/cities/{id}/what-if": {
              "post": {
                "summary": "The city's measure ranks before and after adding links to the given partners",
                "parameters": [{"$ref": "#/components/parameters/City"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WhatIfRequest"}}}},
                "responses": {
                  "200": {"description": "Before and after", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WhatIf"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/UnknownCity"},
                  "409": {"$ref": "#/components/responses/AmbiguousCity"},
                  "413": {"$ref": "#/components/responses/TooLarge"}
                }
              }
            },
            "/api/v1/cities/{id}/map.svg": {
              "get": {
                "summary": "The city's map (uccn map --city ID --radius R --suggest N)",
                "parameters": [
                  {"$ref": "#/components/parameters/City"},
                  {"name": "radius", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 4, "default": 1}},
                  {"name": "suggest", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 20}, "description": "How many suggested partners to draw; without it, as uccn map: 0, or 5 for a city with no sister-city or partnership link"}
                ],
                "responses": {
                  "200": {"description": "SVG", "content": {"image/svg+xml": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/UnknownCity"},
                  "409": {"$ref": "#/components/responses/AmbiguousCity"}
                }
              }
            },
            "/api/v1/map.svg": {
              "get": {
                "summary": "The whole network (uccn map) or the world map (uccn map --geo)",
                "parameters": [{"name": "geo", "in": "query", "schema": {"type": "boolean", "default": false}}],
                "responses": {
                  "200": {"description": "SVG", "content": {"image/svg+xml": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              }
            },
            "/api/v1/cities/{id}/report.html": {
              "get": {
                "summary": "The planner report (uccn report --city ID), one self-contained HTML page",
                "parameters": [{"$ref": "#/components/parameters/City"}],
                "responses": {
                  "200": {"description": "HTML", "content": {"text/html": {"schema": {"type": "string"}}}},
                  "404": {"$ref": "#/components/responses/UnknownCity"},
                  "409": {"$ref": "#/components/responses/AmbiguousCity"}
                }
              }
            },
            "/api/v1/cities/{id}/metrics.csv": {
              "get": {
                "summary": "The report's metrics.csv: every city's measures and ranks (Gephi node table)",
                "parameters": [{"$ref": "#/components/parameters/City"}],
                "responses": {
                  "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  "404": {"$ref": "#/components/responses/UnknownCity"},
                  "409": {"$ref": "#/components/responses/AmbiguousCity"}
                }
              }
            }
          },
          "components": {
            "parameters": {
              "City": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "City id (hanoi-vn) or name (Ha Noi)"}
            },
            "responses": {
              "BadRequest": {"description": "A bad parameter or body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "UnknownCity": {"description": "No such city (with suggestions)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "AmbiguousCity": {"description": "The name fits several cities (with candidates)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "TooLarge": {"description": "Body over 65536 bytes", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "schemas": {
              "Health": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string", "enum": ["ok"]}}},
              "Error": {
                "type": "object", "required": ["error"],
                "properties": {
                  "error": {
                    "type": "object", "required": ["status", "message"],
                    "properties": {
                      "status": {"type": "integer"},
                      "message": {"type": "string"},
                      "candidates": {"type": "array", "items": {"$ref": "#/components/schemas/CityMatch"}},
                      "suggestions": {"type": "array", "items": {"$ref": "#/components/schemas/CityMatch"}}
                    }
                  }
                }
              },
              "CityMatch": {
                "type": "object", "required": ["id", "name", "country", "field", "region", "year"],
                "properties": {
                  "id": {"type": "string"}, "name": {"type": "string"}, "country": {"type": "string"},
                  "field": {"type": "string"}, "region": {"type": "string"}, "year": {"type": ["integer", "null"]}
                }
              },
              "CityMatches": {
                "type": "object", "required": ["query", "matches"],
                "properties": {
                  "query": {"type": ["string", "null"]},
                  "matches": {"type": "array", "items": {"$ref": "#/components/schemas/CityMatch"}}
                }
              },
              "CityRef": {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
              "CityDetail": {
                "type": "object", "required": ["city", "cityCount", "measures", "links"],
                "properties": {
                  "city": {
                    "type": "object", "required": ["id", "name", "country", "iso2", "field", "region"],
                    "properties": {
                      "id": {"type": "string"}, "name": {"type": "string"}, "country": {"type": "string"},
                      "iso2": {"type": "string"}, "field": {"type": "string"}, "region": {"type": "string"},
                      "year": {"type": ["integer", "null"]}, "latitude": {"type": ["number", "null"]}, "longitude": {"type": ["number", "null"]}
                    }
                  },
                  "cityCount": {"type": "integer"},
                  "measures": {
                    "type": "array",
                    "items": {
                      "type": "object", "required": ["key", "title", "meaning", "definition", "value", "rank", "ties", "percentile"],
                      "properties": {
                        "key": {"type": "string"}, "title": {"type": "string"}, "meaning": {"type": "string"},
                        "definition": {"type": "string"}, "value": {"type": "number"}, "rank": {"type": "integer"},
                        "ties": {"type": "integer"}, "percentile": {"type": "number"}
                      }
                    }
                  },
                  "links": {
                    "type": "array",
                    "items": {
                      "type": "object", "required": ["city", "kind", "year", "evidence"],
                      "properties": {
                        "city": {"$ref": "#/components/schemas/CityRef"},
                        "kind": {"type": "string", "enum": ["sister-city", "partnership", "cooperation", "proposed", "planned"]},
                        "year": {"type": ["integer", "null"]},
                        "evidence": {"type": "string"}
                      }
                    }
                  }
                }
              },
              "PartnerSuggestions": {
                "type": "object",
                "required": ["city", "communitySource", "referenceYear", "filters", "weights", "existingPartners", "proposedPartners", "candidateCount", "centralityRanks", "suggestions"],
                "properties": {
                  "city": {"type": "object", "required": ["id", "name", "country", "iso2", "region", "field", "year"]},
                  "communitySource": {"type": "string"},
                  "referenceYear": {"type": "integer"},
                  "filters": {
                    "type": "object", "required": ["field", "region", "country", "includeLinked", "top"],
                    "properties": {
                      "field": {"type": ["string", "null"]}, "region": {"type": ["string", "null"]},
                      "country": {"type": ["string", "null"]}, "includeLinked": {"type": "boolean"}, "top": {"type": ["integer", "null"]}
                    }
                  },
                  "weights": {"type": "object"},
                  "existingPartners": {"type": "array", "items": {"$ref": "#/components/schemas/CityRef"}},
                  "proposedPartners": {"type": "array", "items": {"$ref": "#/components/schemas/CityRef"}},
                  "candidateCount": {"type": "integer"},
                  "centralityRanks": {
                    "type": ["object", "null"], "required": ["betweenness", "closeness"],
                    "properties": {"betweenness": {"type": "integer"}, "closeness": {"type": "integer"}}
                  },
                  "suggestions": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["rank", "city", "status", "score", "scores", "commonPartners", "hops", "distanceKm", "membershipYears", "partnerCount", "links", "reasons", "whatIf"],
                      "properties": {
                        "rank": {"type": "integer"},
                        "city": {"type": "object", "required": ["id", "name", "country", "iso2", "region", "field", "year"]},
                        "status": {"type": "string", "enum": ["new", "proposed", "linked"]},
                        "score": {"type": "number"},
                        "scores": {
                          "type": "array",
                          "items": {
                            "type": "object", "required": ["score", "raw", "normalized", "weight", "contribution"],
                            "properties": {"score": {"type": "string"}, "raw": {"type": "number"}, "normalized": {"type": "number"}, "weight": {"type": "number"}, "contribution": {"type": "number"}}
                          }
                        },
                        "commonPartners": {"type": "array", "items": {"$ref": "#/components/schemas/CityRef"}},
                        "hops": {"type": ["integer", "null"]},
                        "distanceKm": {"type": ["number", "null"]},
                        "membershipYears": {"type": ["integer", "null"]},
                        "partnerCount": {"type": "integer"},
                        "links": {
                          "type": "array",
                          "items": {"type": "object", "required": ["kind", "since", "evidence"], "properties": {"kind": {"type": "string"}, "since": {"type": ["integer", "null"]}, "evidence": {"type": "string"}}}
                        },
                        "reasons": {"type": "array", "items": {"type": "string"}},
                        "whatIf": {
                          "type": ["object", "null"], "required": ["betweennessRank", "closenessRank"],
                          "properties": {
                            "betweennessRank": {"$ref": "#/components/schemas/RankChange"},
                            "closenessRank": {"$ref": "#/components/schemas/RankChange"}
                          }
                        }
                      }
                    }
                  }
                }
              },
              "RankChange": {"type": "object", "required": ["before", "after"], "properties": {"before": {"type": "integer"}, "after": {"type": "integer"}}},
              "WhatIfRequest": {
                "type": "object", "required": ["partners"],
                "properties": {"partners": {"type": "array", "minItems": 1, "maxItems": 20, "items": {"type": "string"}}}
              },
              "WhatIf": {
                "type": "object", "required": ["city", "partners", "alreadyLinked", "cityCount", "measures"],
                "properties": {
                  "city": {"$ref": "#/components/schemas/CityRef"},
                  "partners": {"type": "array", "items": {"$ref": "#/components/schemas/CityRef"}},
                  "alreadyLinked": {"type": "array", "items": {"$ref": "#/components/schemas/CityRef"}},
                  "cityCount": {"type": "integer"},
                  "measures": {
                    "type": "array",
                    "items": {
                      "type": "object", "required": ["key", "title", "before", "after"],
                      "properties": {
                        "key": {"type": "string"}, "title": {"type": "string"},
                        "before": {"$ref": "#/components/schemas/Standing"}, "after": {"$ref": "#/components/schemas/Standing"}
                      }
                    }
                  }
                }
              },
              "Standing": {"type": "object", "required": ["value", "rank"], "properties": {"value": {"type": "number"}, "rank": {"type": "integer"}}}
            }
          }
        }
        """#
}
