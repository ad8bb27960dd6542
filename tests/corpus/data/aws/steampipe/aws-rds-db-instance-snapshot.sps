{
  "schema_version": "20221222",
  "panels": {
    "custom.dashboard.sql_1x9k2m7q": {
      "dashboard": "custom.dashboard.sql_1x9k2m7q",
      "name": "custom.dashboard.sql_1x9k2m7q",
      "panel_type": "dashboard",
      "source_definition": "",
      "status": "complete",
      "title": "Custom query [1x9k2m7q]",
      "data": {
        "columns": null,
        "rows": null
      }
    },
    "custom.table.results": {
      "dashboard": "custom.dashboard.sql_1x9k2m7q",
      "name": "custom.table.results",
      "panel_type": "table",
      "source_definition": "",
      "status": "complete",
      "sql": "select * from aws_rds_db_instance",
      "properties": {
        "name": "results"
      },
      "data": {
        "columns": [
          {
            "name": "db_instance_identifier",
            "data_type": "TEXT"
          },
          {
            "name": "arn",
            "data_type": "TEXT"
          },
          {
            "name": "db_cluster_identifier",
            "data_type": "TEXT"
          },
          {
            "name": "status",
            "data_type": "TEXT"
          },
          {
            "name": "class",
            "data_type": "TEXT"
          },
          {
            "name": "resource_id",
            "data_type": "TEXT"
          },
          {
            "name": "allocated_storage",
            "data_type": "INT8"
          },
          {
            "name": "auto_minor_version_upgrade",
            "data_type": "BOOL"
          },
          {
            "name": "availability_zone",
            "data_type": "TEXT"
          },
          {
            "name": "backup_retention_period",
            "data_type": "INT8"
          },
          {
            "name": "deletion_protection",
            "data_type": "BOOL"
          },
          {
            "name": "engine",
            "data_type": "TEXT"
          },
          {
            "name": "engine_version",
            "data_type": "TEXT"
          },
          {
            "name": "kms_key_id",
            "data_type": "TEXT"
          },
          {
            "name": "multi_az",
            "data_type": "BOOL"
          },
          {
            "name": "publicly_accessible",
            "data_type": "BOOL"
          },
          {
            "name": "read_replica_source_db_instance_identifier",
            "data_type": "TEXT"
          },
          {
            "name": "storage_encrypted",
            "data_type": "BOOL"
          },
          {
            "name": "storage_type",
            "data_type": "TEXT"
          },
          {
            "name": "enabled_cloudwatch_logs_exports",
            "data_type": "JSONB"
          },
          {
            "name": "tags",
            "data_type": "JSONB"
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
            "name": "partition",
            "data_type": "TEXT"
          },
          {
            "name": "region",
            "data_type": "TEXT"
          },
          {
            "name": "account_id",
            "data_type": "TEXT"
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
            "db_instance_identifier": "exp-snap-juki",
            "arn": "arn:aws:rds:ap-northeast-1:626262626262:db:exp-snap-juki",
            "db_cluster_identifier": null,
            "status": "available",
            "class": "db.t4g.medium",
            "resource_id": "db-EXPSNAPJUKI",
            "allocated_storage": 50,
            "auto_minor_version_upgrade": true,
            "availability_zone": "ap-northeast-1a",
            "backup_retention_period": 7,
            "deletion_protection": true,
            "engine": "postgres",
            "engine_version": "16.4",
            "kms_key_id": "arn:aws:kms:ap-northeast-1:626262626262:key/6a2c0002-7e1d-4b3a-9c2e-000000000002",
            "multi_az": true,
            "publicly_accessible": false,
            "read_replica_source_db_instance_identifier": null,
            "storage_encrypted": true,
            "storage_type": "gp3",
            "enabled_cloudwatch_logs_exports": [
              "postgresql",
              "upgrade"
            ],
            "tags": {
              "confidentiality": "2"
            },
            "title": "exp-snap-juki",
            "akas": [
              "arn:aws:rds:ap-northeast-1:626262626262:db:exp-snap-juki"
            ],
            "partition": "aws",
            "region": "ap-northeast-1",
            "account_id": "626262626262",
            "sp_connection_name": "aws",
            "sp_ctx": {
              "connection_name": "aws",
              "steampipe": {
                "sdk_version": "5.13.1"
              }
            }
          },
          {
            "db_instance_identifier": "exp-snap-legacy",
            "arn": "arn:aws:rds:us-east-1:626262626262:db:exp-snap-legacy",
            "db_cluster_identifier": null,
            "status": "available",
            "class": "db.t4g.medium",
            "resource_id": "db-EXPSNAPGACY",
            "allocated_storage": 50,
            "auto_minor_version_upgrade": true,
            "availability_zone": "us-east-1a",
            "backup_retention_period": 0,
            "deletion_protection": false,
            "engine": "postgres",
            "engine_version": "16.4",
            "kms_key_id": null,
            "multi_az": false,
            "publicly_accessible": true,
            "read_replica_source_db_instance_identifier": null,
            "storage_encrypted": false,
            "storage_type": "gp3",
            "enabled_cloudwatch_logs_exports": null,
            "tags": {
              "confidentiality": "2"
            },
            "title": "exp-snap-legacy",
            "akas": [
              "arn:aws:rds:us-east-1:626262626262:db:exp-snap-legacy"
            ],
            "partition": "aws",
            "region": "us-east-1",
            "account_id": "626262626262",
            "sp_connection_name": "aws",
            "sp_ctx": {
              "connection_name": "aws",
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
    "aws",
    "internal"
  ],
  "start_time": "2026-11-20T10:02:11.481920+09:00",
  "end_time": "2026-11-20T10:02:15.903117+09:00",
  "layout": {
    "name": "custom.dashboard.sql_1x9k2m7q",
    "children": [
      {
        "name": "custom.table.results",
        "panel_type": "table"
      }
    ],
    "panel_type": "dashboard"
  }
}