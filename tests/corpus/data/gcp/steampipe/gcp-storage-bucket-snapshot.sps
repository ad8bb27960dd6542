{
  "schema_version": "20221222",
  "panels": {
    "custom.dashboard.sql_5hd0r2ka": {
      "dashboard": "custom.dashboard.sql_5hd0r2ka",
      "name": "custom.dashboard.sql_5hd0r2ka",
      "panel_type": "dashboard",
      "source_definition": "",
      "status": "complete",
      "title": "Custom query [5hd0r2ka]",
      "data": {
        "columns": null,
        "rows": null
      }
    },
    "custom.table.results": {
      "dashboard": "custom.dashboard.sql_5hd0r2ka",
      "name": "custom.table.results",
      "panel_type": "table",
      "source_definition": "",
      "status": "complete",
      "sql": "select * from gcp_storage_bucket",
      "properties": {
        "name": "results"
      },
      "data": {
        "columns": [
          {
            "name": "name",
            "data_type": "TEXT"
          },
          {
            "name": "id",
            "data_type": "TEXT"
          },
          {
            "name": "kind",
            "data_type": "TEXT"
          },
          {
            "name": "location",
            "data_type": "TEXT"
          },
          {
            "name": "location_type",
            "data_type": "TEXT"
          },
          {
            "name": "storage_class",
            "data_type": "TEXT"
          },
          {
            "name": "billing_requester_pays",
            "data_type": "BOOL"
          },
          {
            "name": "iam_configuration_bucket_policy_only_enabled",
            "data_type": "BOOL"
          },
          {
            "name": "iam_configuration_uniform_bucket_level_access_enabled",
            "data_type": "BOOL"
          },
          {
            "name": "iam_configuration_public_access_prevention",
            "data_type": "TEXT"
          },
          {
            "name": "default_kms_key_name",
            "data_type": "TEXT"
          },
          {
            "name": "versioning_enabled",
            "data_type": "BOOL"
          },
          {
            "name": "iam_policy",
            "data_type": "JSONB"
          },
          {
            "name": "acl",
            "data_type": "TEXT"
          },
          {
            "name": "labels",
            "data_type": "TEXT"
          },
          {
            "name": "project",
            "data_type": "TEXT"
          },
          {
            "name": "project_number",
            "data_type": "INT8"
          },
          {
            "name": "self_link",
            "data_type": "TEXT"
          },
          {
            "name": "title",
            "data_type": "TEXT"
          },
          {
            "name": "akas",
            "data_type": "JSONB"
          },
          {
            "name": "sp_connection_name",
            "data_type": "TEXT"
          },
          {
            "name": "sp_ctx",
            "data_type": "JSONB"
          }
        ],
        "rows": [
          {
            "name": "exp-snap-locked",
            "id": "exp-snap-locked",
            "kind": "storage#bucket",
            "location": "ASIA-NORTHEAST1",
            "location_type": "region",
            "storage_class": "STANDARD",
            "billing_requester_pays": false,
            "iam_configuration_bucket_policy_only_enabled": true,
            "iam_configuration_uniform_bucket_level_access_enabled": true,
            "iam_configuration_public_access_prevention": "enforced",
            "default_kms_key_name": "projects/exp-snap-gcp/locations/asia-northeast1/keyRings/exp/cryptoKeys/bucket",
            "versioning_enabled": true,
            "iam_policy": {
              "bindings": [
                {
                  "members": [
                    "projectEditor:exp-snap-gcp",
                    "projectOwner:exp-snap-gcp"
                  ],
                  "role": "roles/storage.legacyBucketOwner"
                },
                {
                  "members": [
                    "projectViewer:exp-snap-gcp"
                  ],
                  "role": "roles/storage.legacyBucketReader"
                }
              ],
              "etag": "CAE=",
              "kind": "storage#policy",
              "resourceId": "projects/_/buckets/exp-snap-locked",
              "version": 1
            },
            "acl": null,
            "labels": null,
            "project": "exp-snap-gcp",
            "project_number": 626262626263,
            "self_link": "https://www.googleapis.com/storage/v1/b/exp-snap-locked",
            "title": "exp-snap-locked",
            "akas": [
              "gcp://storage.googleapis.com/projects/exp-snap-gcp/buckets/exp-snap-locked"
            ],
            "sp_connection_name": "gcp",
            "sp_ctx": {
              "connection_name": "gcp",
              "steampipe": {
                "sdk_version": "5.13.1"
              }
            }
          },
          {
            "name": "exp-snap-public",
            "id": "exp-snap-public",
            "kind": "storage#bucket",
            "location": "US",
            "location_type": "multi-region",
            "storage_class": "STANDARD",
            "billing_requester_pays": false,
            "iam_configuration_bucket_policy_only_enabled": false,
            "iam_configuration_uniform_bucket_level_access_enabled": false,
            "iam_configuration_public_access_prevention": "inherited",
            "default_kms_key_name": null,
            "versioning_enabled": true,
            "iam_policy": {
              "bindings": [
                {
                  "members": [
                    "projectEditor:exp-snap-gcp",
                    "projectOwner:exp-snap-gcp"
                  ],
                  "role": "roles/storage.legacyBucketOwner"
                },
                {
                  "members": [
                    "projectViewer:exp-snap-gcp"
                  ],
                  "role": "roles/storage.legacyBucketReader"
                },
                {
                  "members": [
                    "allUsers"
                  ],
                  "role": "roles/storage.objectViewer"
                }
              ],
              "etag": "CAE=",
              "kind": "storage#policy",
              "resourceId": "projects/_/buckets/exp-snap-public",
              "version": 1
            },
            "acl": [
              {
                "entity": "project-owners-626262626263",
                "projectTeam": {
                  "projectNumber": "626262626263",
                  "team": "owners"
                },
                "role": "OWNER"
              }
            ],
            "labels": null,
            "project": "exp-snap-gcp",
            "project_number": 626262626263,
            "self_link": "https://www.googleapis.com/storage/v1/b/exp-snap-public",
            "title": "exp-snap-public",
            "akas": [
              "gcp://storage.googleapis.com/projects/exp-snap-gcp/buckets/exp-snap-public"
            ],
            "sp_connection_name": "gcp",
            "sp_ctx": {
              "connection_name": "gcp",
              "steampipe": {
                "sdk_version": "5.13.1"
              }
            }
          }
        ]
      }
    }
  },
  "inputs": {},
  "variables": {},
  "search_path": [
    "public",
    "gcp",
    "internal"
  ],
  "start_time": "2026-11-20T11:40:02.118202+09:00",
  "end_time": "2026-11-20T11:40:05.020934+09:00",
  "layout": {
    "name": "custom.dashboard.sql_5hd0r2ka",
    "children": [
      {
        "name": "custom.table.results",
        "panel_type": "table"
      }
    ],
    "panel_type": "dashboard"
  }
}