// The OpenAPI 3.1 document served at /v1/openapi.json. tests/server/api_test.py
// checks that every route of router.cc is here and that every answer the API
// tests receive validates against the schema documented for it.
#include "server/api_internal.h"

namespace highfence::server {

std::string_view OpenApiDocument() {
  static constexpr std::string_view kDocument = R"json({
 "openapi": "3.1.0",
 "info": {
  "title": "highfence API",
  "version": "1",
  "description": "U.S. advanced-computing export controls as a service: determinations, the quota ledger, the decision log. Errors are application/problem+json. Any route may answer 400 (a malformed path or query) or 413 (more than 64 query parameters); 404 and 405 answer unknown paths and methods."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "security": [
  {
   "bearer": []
  }
 ],
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer",
    "description": "Authorization: Bearer KEY (roles viewer, officer, admin)"
   }
  },
  "schemas": {
   "Problem": {
    "type": "object",
    "properties": {
     "type": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "status": {
      "type": "integer"
     },
     "detail": {
      "type": "string"
     },
     "field": {
      "type": "string"
     },
     "errors": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "field": {
         "type": "string"
        },
        "code": {
         "type": "string"
        },
        "message": {
         "type": "string"
        }
       },
       "required": [
        "field",
        "code",
        "message"
       ]
      }
     }
    },
    "required": [
     "type",
     "title",
     "status",
     "detail"
    ]
   },
   "Reason": {
    "type": "object",
    "properties": {
     "rule": {
      "type": "string"
     },
     "citation": {
      "type": "string"
     },
     "text": {
      "type": "string"
     }
    },
    "required": [
     "rule",
     "citation",
     "text"
    ]
   },
   "Determination": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "regime": {
      "enum": [
       "none",
       "us-2022-10",
       "us-2023-11",
       "us-2025-01"
      ]
     },
     "mode": {
      "enum": [
       "as_written",
       "as_enforced"
      ]
     },
     "eccn": {
      "type": [
       "string",
       "null"
      ]
     },
     "tpp": {
      "type": [
       "number",
       "null"
      ]
     },
     "tpp_total": {
      "type": [
       "number",
       "null"
      ]
     },
     "performance_density": {
      "type": [
       "number",
       "null"
      ]
     },
     "tier": {
      "enum": [
       1,
       2,
       3,
       null
      ]
     },
     "decision": {
      "enum": [
       "not_controlled",
       "no_license_required",
       "authorized",
       "license_required",
       "needs_review"
      ]
     },
     "authorization": {
      "type": [
       "string",
       "null"
      ]
     },
     "license_policy": {
      "type": [
       "string",
       "null"
      ]
     },
     "notices": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "debits": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "account": {
         "type": "string"
        },
        "tpp": {
         "type": "number"
        },
        "state": {
         "enum": [
          "pending",
          "posted"
         ]
        }
       },
       "required": [
        "account",
        "tpp"
       ]
      }
     },
     "reasons": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Reason"
      }
     },
     "errors": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "code": {
         "type": "string"
        },
        "field": {
         "type": "string"
        },
        "message": {
         "type": "string"
        }
       },
       "required": [
        "code",
        "field",
        "message"
       ]
      }
     },
     "line": {
      "type": "integer"
     },
     "decision_id": {
      "type": "string"
     },
     "screening": {
      "$ref": "#/components/schemas/PartyScreening"
     }
    },
    "required": [
     "id",
     "regime",
     "mode",
     "eccn",
     "tpp",
     "tpp_total",
     "performance_density",
     "tier",
     "decision",
     "authorization",
     "license_policy",
     "notices",
     "debits",
     "reasons",
     "errors"
    ]
   },
   "PartyScreening": {
    "type": "object",
    "description": "Present only when the server has restricted-party lists loaded: the list snapshot the consignee and its ultimate parent were screened against, and the hits the determination applied (docs/screening.md, In determinations).",
    "properties": {
     "snapshot": {
      "type": "string",
      "pattern": "^[0-9a-f]{64}$",
      "description": "SHA-256 of the list snapshot"
     },
     "hits": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "party": {
         "enum": [
          "consignee",
          "parent"
         ]
        },
        "list": {
         "type": "string"
        },
        "entity_number": {
         "type": [
          "string",
          "null"
         ]
        },
        "name": {
         "type": "string"
        },
        "matched_name": {
         "type": "string"
        },
        "score": {
         "type": "number"
        },
        "band": {
         "enum": [
          "match",
          "review"
         ]
        },
        "license_policy": {
         "type": [
          "string",
          "null"
         ]
        },
        "federal_register_notice": {
         "type": [
          "string",
          "null"
         ]
        },
        "row": {
         "type": "integer"
        }
       },
       "required": [
        "party",
        "list",
        "entity_number",
        "name",
        "matched_name",
        "score",
        "band",
        "license_policy",
        "federal_register_notice",
        "row"
       ],
       "additionalProperties": false
      }
     }
    },
    "required": [
     "snapshot",
     "hits"
    ],
    "additionalProperties": false
   },
   "Shipment": {
    "type": "object",
    "description": "A shipment in the contract's input format (docs/reference.md): id, date, destination, item, units, consignee, end_use, ...",
    "required": [
     "id",
     "date",
     "destination",
     "item",
     "units"
    ]
   },
   "Account": {
    "type": "object",
    "properties": {
     "account": {
      "type": "string"
     },
     "kind": {
      "enum": [
       "allocation",
       "lpp",
       "nveu",
       "uveu",
       "aia"
      ]
     },
     "cap": {
      "type": [
       "number",
       "null"
      ]
     },
     "posted": {
      "type": "number"
     },
     "pending": {
      "type": "number"
     },
     "available": {
      "type": [
       "number",
       "null"
      ]
     },
     "schedule": {
      "description": "an nveu account only: the NVEU's cap on its installed base in the country, by calendar quarter, from the law's nveu_cap_tpp (15 CFR 748.15(a)(2)(iii)(B)); each cap holds from its date to the next",
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "from": {
         "type": "string",
         "format": "date"
        },
        "cap": {
         "type": "number"
        }
       },
       "required": [
        "from",
        "cap"
       ]
      }
     }
    },
    "required": [
     "account",
     "kind",
     "cap",
     "posted",
     "pending",
     "available"
    ],
    "if": {
     "properties": {
      "kind": {
       "const": "nveu"
      }
     }
    },
    "then": {
     "required": [
      "schedule"
     ]
    },
    "else": {
     "not": {
      "required": [
       "schedule"
      ]
     }
    }
   },
   "Transfer": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "account": {
      "type": "string"
     },
     "amount": {
      "type": "number"
     },
     "state": {
      "enum": [
       "pending",
       "posted",
       "voided"
      ]
     },
     "shipment_id": {
      "type": "string"
     },
     "on": {
      "type": "string"
     },
     "recorded_at": {
      "type": "string"
     },
     "settled_at": {
      "type": [
       "string",
       "null"
      ]
     },
     "changed": {
      "type": "boolean",
      "description": "after post, void or reverse: false when the transfer was already so and nothing was written"
     },
     "note": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "id",
     "account",
     "amount",
     "state",
     "shipment_id",
     "on",
     "recorded_at",
     "settled_at",
     "note"
    ]
   },
   "DecisionSummary": {
    "type": "object",
    "properties": {
     "decision_id": {
      "type": "string"
     },
     "recorded_at": {
      "type": "string"
     },
     "key_id": {
      "type": "string"
     },
     "shipment_id": {
      "type": "string"
     },
     "party": {
      "type": "string"
     },
     "decision": {
      "type": "string"
     },
     "law_hash": {
      "type": "string"
     },
     "law_reviewed_on": {
      "type": "string"
     },
     "mode": {
      "type": "string"
     },
     "regime": {
      "type": "string"
     },
     "dry_run": {
      "type": "boolean"
     },
     "seq": {
      "type": "integer"
     }
    },
    "required": [
     "decision_id",
     "recorded_at",
     "key_id",
     "shipment_id",
     "party",
     "decision",
     "law_hash",
     "law_reviewed_on",
     "mode",
     "regime",
     "dry_run",
     "seq"
    ]
   },
   "Decision": {
    "type": "object",
    "properties": {
     "decision_id": {
      "type": "string"
     },
     "recorded_at": {
      "type": "string"
     },
     "key_id": {
      "type": "string"
     },
     "shipment_id": {
      "type": "string"
     },
     "party": {
      "type": "string"
     },
     "decision": {
      "type": "string"
     },
     "input": {
      "type": "string"
     },
     "input_sha256": {
      "type": "string"
     },
     "law_hash": {
      "type": "string"
     },
     "law_reviewed_on": {
      "type": "string"
     },
     "mode": {
      "type": "string"
     },
     "regime": {
      "type": "string"
     },
     "dry_run": {
      "type": "boolean"
     },
     "determination": {
      "$ref": "#/components/schemas/Determination"
     },
     "seq": {
      "type": "integer"
     },
     "prev_hash": {
      "type": "string"
     },
     "hash": {
      "type": "string"
     }
    },
    "required": [
     "decision_id",
     "recorded_at",
     "key_id",
     "shipment_id",
     "party",
     "decision",
     "input",
     "input_sha256",
     "law_hash",
     "law_reviewed_on",
     "mode",
     "regime",
     "dry_run",
     "determination",
     "seq",
     "prev_hash",
     "hash"
    ]
   },
   "Key": {
    "type": "object",
    "properties": {
     "key_id": {
      "type": "string"
     },
     "role": {
      "enum": [
       "viewer",
       "officer",
       "admin"
      ]
     },
     "label": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "revoked_at": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "required": [
     "key_id",
     "role",
     "label",
     "created_at",
     "revoked_at"
    ]
   },
   "ScreenQuery": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "name"
    ],
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 1000,
      "description": "the party's name, in any script"
     },
     "country": {
      "type": [
       "string",
       "null"
      ],
      "pattern": "^[A-Za-z]{2}$",
      "description": "ISO 3166-1 alpha-2: a row whose addresses are all elsewhere scores lower"
     },
     "id": {
      "type": [
       "string",
       "integer"
      ],
      "description": "echoed in the result"
     }
    }
   },
   "ScreenHit": {
    "type": "object",
    "required": [
     "list",
     "entity_number",
     "name",
     "matched_name",
     "score",
     "threshold",
     "review_threshold",
     "band",
     "features",
     "license_requirement",
     "license_policy",
     "fr_citation"
    ],
    "properties": {
     "list": {
      "type": "string",
      "description": "the list's code (EL, SDN, UVL, MEU, DPL, ...)"
     },
     "list_name": {
      "type": [
       "string",
       "null"
      ]
     },
     "entity_number": {
      "type": [
       "string",
       "null"
      ]
     },
     "name": {
      "type": "string",
      "description": "the row's primary name"
     },
     "matched_name": {
      "type": "string",
      "description": "the row's name (primary or alternative) that matched"
     },
     "score": {
      "type": "number"
     },
     "threshold": {
      "type": "number",
      "description": "the score of a match"
     },
     "review_threshold": {
      "type": "number",
      "description": "the lowest score reported, for review"
     },
     "band": {
      "enum": [
       "match",
       "review"
      ]
     },
     "features": {
      "type": "array",
      "description": "the score as a sum: each feature's contribution",
      "items": {
       "type": "object",
       "required": [
        "name",
        "weight",
        "value",
        "contribution"
       ],
       "properties": {
        "name": {
         "type": "string"
        },
        "weight": {
         "type": "number"
        },
        "value": {
         "type": "number"
        },
        "contribution": {
         "type": "number"
        },
        "detail": {
         "type": "string"
        }
       }
      }
     },
     "row": {
      "type": "integer"
     },
     "type": {
      "type": [
       "string",
       "null"
      ]
     },
     "license_requirement": {
      "type": [
       "string",
       "null"
      ]
     },
     "license_policy": {
      "type": [
       "string",
       "null"
      ]
     },
     "fr_citation": {
      "type": [
       "string",
       "null"
      ],
      "description": "the Federal Register notice(s) that listed the row"
     },
     "programs": {
      "type": [
       "string",
       "null"
      ]
     },
     "countries": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   }
  },
  "responses": {
   "Problem": {
    "description": "A problem document",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   }
  }
 },
 "paths": {
  "/v1/health": {
   "get": {
    "summary": "Liveness, version, law, ledger, the web UI's build, and the caller's key",
    "security": [],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "status": {
           "const": "ok"
          },
          "version": {
           "type": "string"
          },
          "law_hash": {
           "type": "string"
          },
          "law_reviewed_on": {
           "type": "string"
          },
          "ledger": {
           "enum": [
            "sqlite",
            "postgres",
            "memory"
           ]
          },
          "default_mode": {
           "type": "string"
          },
          "ui_hash": {
           "type": [
            "string",
            "null"
           ],
           "description": "SHA-256 of the web UI's manifest.json (the UI build served at /), or null when the server runs without the UI"
          },
          "role": {
           "enum": [
            "viewer",
            "officer",
            "admin",
            null
           ],
           "description": "the role of the key sent with the request; null without a key or with one that is not valid"
          },
          "key_id": {
           "type": [
            "string",
            "null"
           ],
           "description": "the public id of the key sent; null without a valid key"
          }
         },
         "required": [
          "status",
          "version",
          "law_hash",
          "law_reviewed_on",
          "ledger",
          "default_mode",
          "ui_hash",
          "role",
          "key_id"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/metrics": {
   "get": {
    "summary": "Prometheus metrics (text format)",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/openapi.json": {
   "get": {
    "summary": "This document",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/determinations": {
   "post": {
    "summary": "Determine one shipment, a JSON array, or JSONL (answered as JSONL, in input order)",
    "parameters": [
     {
      "name": "mode",
      "in": "query",
      "required": false,
      "description": "as_written or as_enforced (default: the engine's)",
      "schema": {
       "enum": [
        "as_written",
        "as_enforced"
       ]
      }
     },
     {
      "name": "regime",
      "in": "query",
      "required": false,
      "description": "evaluate under this regime whatever the date",
      "schema": {
       "enum": [
        "us-2022-10",
        "us-2023-11",
        "us-2025-01"
       ]
      }
     },
     {
      "name": "dry_run",
      "in": "query",
      "required": false,
      "description": "read the ledger, draw nothing",
      "schema": {
       "enum": [
        "true",
        "false"
       ]
      }
     },
     {
      "name": "reasons",
      "in": "query",
      "required": false,
      "description": "full (default), codes (texts empty) or none",
      "schema": {
       "enum": [
        "full",
        "codes",
        "none"
       ]
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "oneOf": [
         {
          "$ref": "#/components/schemas/Shipment"
         },
         {
          "type": "array",
          "items": {
           "$ref": "#/components/schemas/Shipment"
          }
         }
        ]
       }
      },
      "application/x-ndjson": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "One determination (object body) or one per line (array or JSONL body)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Determination"
        }
       },
       "application/x-ndjson": {
        "schema": {
         "$ref": "#/components/schemas/Determination"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/explain": {
   "post": {
    "summary": "One shipment's determination with its derivation and balances (never draws)",
    "parameters": [
     {
      "name": "mode",
      "in": "query",
      "required": false,
      "description": "as_written or as_enforced (default: the engine's)",
      "schema": {
       "enum": [
        "as_written",
        "as_enforced"
       ]
      }
     },
     {
      "name": "regime",
      "in": "query",
      "required": false,
      "description": "evaluate under this regime whatever the date",
      "schema": {
       "enum": [
        "us-2022-10",
        "us-2023-11",
        "us-2025-01"
       ]
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Shipment"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "determination": {
           "$ref": "#/components/schemas/Determination"
          },
          "derivation": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "rule": {
              "type": "string"
             },
             "citation": {
              "type": "string"
             },
             "text": {
              "type": "string"
             },
             "params": {
              "type": "array",
              "items": {
               "type": "object",
               "properties": {
                "name": {
                 "type": "string"
                },
                "value": {},
                "effective_on": {
                 "type": [
                  "string",
                  "null"
                 ],
                 "description": "null for a value in force on every date (a project default, or a program's undated value)"
                },
                "citation": {
                 "type": "string"
                }
               },
               "required": [
                "name",
                "value",
                "effective_on",
                "citation"
               ]
              }
             }
            },
            "required": [
             "rule",
             "citation",
             "text",
             "params"
            ]
           }
          },
          "balances": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "account": {
              "type": "string"
             },
             "cap": {
              "type": [
               "number",
               "null"
              ]
             },
             "posted": {
              "type": "number"
             },
             "pending": {
              "type": "number"
             },
             "available": {
              "type": [
               "number",
               "null"
              ]
             }
            },
            "required": [
             "account",
             "cap",
             "posted",
             "pending",
             "available"
            ]
           }
          }
         },
         "required": [
          "determination",
          "derivation",
          "balances"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/classify": {
   "post": {
    "summary": "Classify an item (catalog id or item object) under the law of a date",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "item": {
          "oneOf": [
           {
            "type": "string"
           },
           {
            "type": "object"
           }
          ]
         },
         "date": {
          "type": "string"
         }
        },
        "required": [
         "item"
        ]
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "date": {
           "type": "string"
          },
          "regime": {
           "type": "string"
          },
          "eccn": {
           "type": [
            "string",
            "null"
           ]
          },
          "tpp": {
           "type": [
            "number",
            "null"
           ]
          },
          "performance_density": {
           "type": [
            "number",
            "null"
           ]
          },
          "missing_figure": {
           "type": "boolean"
          },
          "reasons": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/Reason"
           }
          },
          "errors": {
           "type": "array"
          }
         },
         "required": [
          "date",
          "regime",
          "eccn",
          "tpp",
          "performance_density",
          "missing_figure",
          "reasons",
          "errors"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/screen": {
   "post": {
    "summary": "Restricted-party screening: names against the current list snapshot",
    "responses": {
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "200": {
      "description": "The hits for each name",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "results",
          "lists"
         ],
         "properties": {
          "results": {
           "type": "array",
           "description": "one per name sent, in order",
           "items": {
            "type": "object",
            "required": [
             "line",
             "id",
             "name",
             "country",
             "hits"
            ],
            "properties": {
             "line": {
              "type": "integer"
             },
             "id": {
              "type": [
               "string",
               "null"
              ]
             },
             "name": {
              "type": "string"
             },
             "country": {
              "type": [
               "string",
               "null"
              ]
             },
             "error": {
              "type": "string",
              "description": "why this element was not screened (batches only; a single object answers 400)"
             },
             "field": {
              "type": "string"
             },
             "hits": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/ScreenHit"
              }
             }
            }
           }
          },
          "lists": {
           "type": "object",
           "required": [
            "sha256",
            "generated_on"
           ],
           "properties": {
            "sha256": {
             "type": "string",
             "description": "SHA-256 of the list file screened against"
            },
            "generated_on": {
             "type": [
              "string",
              "null"
             ],
             "description": "the date the list file says it was generated (null for the CSV, which does not say)"
            },
            "latest_start_date": {
             "type": [
              "string",
              "null"
             ]
            },
            "entries": {
             "type": "integer"
            },
            "format": {
             "type": "string"
            }
           }
          }
         }
        }
       }
      }
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "description": "One object {name, country?, id?}, or a JSON array or JSONL body (Content-Type: application/x-ndjson) of up to 10,000 of them. In a batch a bad element is answered in its place with `error` and no hits. 503 when the server has no list snapshot: `highfence lists import FILE --store DATA/lists`, or `serve --lists FILE`.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "oneOf": [
         {
          "$ref": "#/components/schemas/ScreenQuery"
         },
         {
          "type": "array",
          "items": {
           "$ref": "#/components/schemas/ScreenQuery"
          }
         }
        ]
       }
      },
      "application/x-ndjson": {
       "schema": {
        "type": "string"
       }
      }
     }
    }
   }
  },
  "/v1/simulate": {
   "get": {
    "summary": "The simulator on a shipped scenario: the simulate command's JSON report",
    "responses": {
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "200": {
      "description": "The report",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "scenario",
          "run",
          "years"
         ],
         "properties": {
          "scenario": {
           "type": "object",
           "required": [
            "id"
           ]
          },
          "run": {
           "type": "object",
           "required": [
            "draws",
            "seed"
           ]
          },
          "years": {
           "type": "array",
           "items": {
            "type": "object",
            "required": [
             "year"
            ],
            "properties": {
             "year": {
              "type": "integer"
             }
            },
            "additionalProperties": {
             "type": "object",
             "required": [
              "p5",
              "p50",
              "p95"
             ],
             "properties": {
              "p5": {
               "type": "number"
              },
              "p50": {
               "type": "number"
              },
              "p95": {
               "type": "number"
              }
             }
            }
           }
          }
         }
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "description": "Runs `highfence simulate` on a scenario of the server's scenario folder, by name (B1 ... B6, historical, ...; a 400 lists them). At most 2,000 draws, at most 50 of them with Shapley attributions, one run at a time (503 with Retry-After while another runs); a report is a function of (scenario, draws, seed) and repeated requests are answered from a small cache. The answer is the command's JSON report plus `years`: the main policy set's yearly p5/p50/p95 of each metric.",
    "parameters": [
     {
      "name": "scenario",
      "in": "query",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "draws",
      "in": "query",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 2000,
       "default": 200
      }
     },
     {
      "name": "seed",
      "in": "query",
      "schema": {
       "type": "integer",
       "minimum": 0
      },
      "description": "default: the scenario's"
     }
    ]
   }
  },
  "/v1/catalog": {
   "get": {
    "summary": "The accelerator catalog",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "items": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
             },
             "vendor": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "tpp": {
              "type": "number"
             },
             "die_area_mm2": {
              "type": [
               "number",
               "null"
              ]
             },
             "datacenter": {
              "type": "boolean"
             },
             "interconnect_gbs": {
              "type": [
               "number",
               "null"
              ]
             },
             "dram_bandwidth_gbs": {
              "type": [
               "number",
               "null"
              ]
             },
             "eccn_2023": {
              "type": [
               "string",
               "null"
              ]
             },
             "source": {
              "type": [
               "string",
               "null"
              ]
             },
             "year": {
              "type": "integer"
             }
            },
            "required": [
             "id",
             "vendor",
             "name",
             "tpp",
             "die_area_mm2",
             "datacenter",
             "interconnect_gbs",
             "dram_bandwidth_gbs",
             "eccn_2023",
             "source",
             "year"
            ]
           }
          }
         },
         "required": [
          "items"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/regimes": {
   "get": {
    "summary": "Regimes and dated changes, with sources",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "regimes": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
             },
             "kind": {
              "enum": [
               "regime",
               "change",
               "program"
              ]
             },
             "title": {
              "type": "string"
             },
             "citation": {
              "type": "string"
             },
             "url": {
              "type": [
               "string",
               "null"
              ]
             },
             "effective_on": {
              "type": [
               "string",
               "null"
              ]
             },
             "compliance_on": {
              "type": "string"
             },
             "last_reviewed_on": {
              "type": "string"
             }
            },
            "required": [
             "id",
             "kind",
             "title",
             "citation",
             "url",
             "effective_on",
             "last_reviewed_on"
            ]
           }
          }
         },
         "required": [
          "regimes"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/countries": {
   "get": {
    "summary": "Every country's groups, tier and 3A090 licence requirement on a date",
    "parameters": [
     {
      "name": "date",
      "in": "query",
      "required": false,
      "description": "YYYY-MM-DD (default today)",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "mode",
      "in": "query",
      "required": false,
      "description": "as_written or as_enforced (default: the engine's)",
      "schema": {
       "enum": [
        "as_written",
        "as_enforced"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "date": {
           "type": "string"
          },
          "mode": {
           "type": "string"
          },
          "regime": {
           "type": "string"
          },
          "countries": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "code": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "tier": {
              "enum": [
               1,
               2,
               3,
               null
              ]
             },
             "groups": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "license_required_3a090": {
              "type": "boolean"
             },
             "embargo": {
              "type": [
               "object",
               "null"
              ]
             },
             "why": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Reason"
              }
             }
            },
            "required": [
             "code",
             "name",
             "tier",
             "groups",
             "license_required_3a090",
             "embargo",
             "why"
            ]
           }
          }
         },
         "required": [
          "date",
          "mode",
          "regime",
          "countries"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/party-key": {
   "get": {
    "summary": "The ledger's party key of names",
    "parameters": [
     {
      "name": "name",
      "in": "query",
      "required": true,
      "description": "a party name (repeatable)",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "keys": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "name": {
              "type": "string"
             },
             "key": {
              "type": [
               "string",
               "null"
              ]
             }
            },
            "required": [
             "name",
             "key"
            ]
           }
          }
         },
         "required": [
          "keys"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/ledger/accounts": {
   "get": {
    "summary": "Ledger accounts",
    "parameters": [
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "account kind",
      "schema": {
       "enum": [
        "allocation",
        "lpp",
        "nveu",
        "uveu",
        "aia"
       ]
      }
     },
     {
      "name": "prefix",
      "in": "query",
      "required": false,
      "description": "account id prefix",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "accounts": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/Account"
           }
          }
         },
         "required": [
          "accounts"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/ledger/accounts/{id}": {
   "get": {
    "summary": "One account (never drawn on: zero use)",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "account id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Account"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/ledger/accounts/{id}/history": {
   "get": {
    "summary": "An account's transfers in creation order",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "account id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "account": {
           "type": "string"
          },
          "transfers": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/Transfer"
           }
          }
         },
         "required": [
          "account",
          "transfers"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/ledger/transfers/{id}/post": {
   "post": {
    "summary": "A licence was granted: post a pending transfer (id percent-encoded: / is %2F)",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "transfer id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "note": {
          "type": "string"
         },
         "licence": {
          "type": "string"
         },
         "granted": {
          "type": "string"
         }
        },
        "required": []
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Transfer"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/ledger/transfers/{id}/void": {
   "post": {
    "summary": "Denied or withdrawn: void a pending transfer",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "transfer id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "note": {
          "type": "string"
         }
        },
        "required": []
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Transfer"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/ledger/transfers/{id}/reverse": {
   "post": {
    "summary": "Give back a posted transfer (a cancelled order, a returned shipment): a compensating transfer reversal:ID of minus its amount, hash-chained like any other; answers the compensating transfer, with changed false when it was already reversed",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "transfer id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "reason": {
          "type": "string"
         }
        },
        "required": [
         "reason"
        ]
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Transfer"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/decisions": {
   "get": {
    "summary": "Search the decision log, newest first",
    "parameters": [
     {
      "name": "shipment_id",
      "in": "query",
      "required": false,
      "description": "exact shipment id",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "party",
      "in": "query",
      "required": false,
      "description": "party name or key",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "recorded at or after (YYYY-MM-DD or RFC 3339 UTC)",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "recorded before",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "decision",
      "in": "query",
      "required": false,
      "description": "a decision wire name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "1..1000, default 100",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "cursor",
      "in": "query",
      "required": false,
      "description": "the `next` of the previous page",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "decisions": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/DecisionSummary"
           }
          },
          "next": {
           "type": [
            "string",
            "null"
           ]
          }
         },
         "required": [
          "decisions",
          "next"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/decisions/export": {
   "get": {
    "summary": "Export the decision log (oldest first)",
    "parameters": [
     {
      "name": "shipment_id",
      "in": "query",
      "required": false,
      "description": "exact shipment id",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "party",
      "in": "query",
      "required": false,
      "description": "party name or key",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "recorded at or after (YYYY-MM-DD or RFC 3339 UTC)",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "recorded before",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "decision",
      "in": "query",
      "required": false,
      "description": "a decision wire name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "description": "jsonl (default) or csv",
      "schema": {
       "enum": [
        "jsonl",
        "csv"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "A download",
      "content": {
       "application/x-ndjson": {
        "schema": {
         "$ref": "#/components/schemas/Decision"
        }
       },
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/decisions/{id}": {
   "get": {
    "summary": "One decision, whole",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "decision id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Decision"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/keys": {
   "get": {
    "summary": "API keys (admin)",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "keys": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/Key"
           }
          }
         },
         "required": [
          "keys"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "post": {
    "summary": "Create an API key (admin); the key is shown once",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "role": {
          "enum": [
           "viewer",
           "officer",
           "admin"
          ]
         },
         "label": {
          "type": "string"
         }
        },
        "required": [
         "role"
        ]
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "key_id": {
           "type": "string"
          },
          "key": {
           "type": "string"
          },
          "role": {
           "type": "string"
          },
          "label": {
           "type": "string"
          }
         },
         "required": [
          "key_id",
          "key",
          "role",
          "label"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/v1/keys/{key_id}": {
   "delete": {
    "summary": "Revoke an API key (admin)",
    "parameters": [
     {
      "name": "key_id",
      "in": "path",
      "required": true,
      "description": "the key's id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "key_id": {
           "type": "string"
          },
          "revoked": {
           "type": "boolean"
          }
         },
         "required": [
          "key_id",
          "revoked"
         ]
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  }
 }
})json";
  return kDocument;
}

}  // namespace highfence::server
