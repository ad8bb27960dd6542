{
  "schema_version": "20221222",
  "panels": {
    "custom.dashboard.sql_8m2c4t6v": {
      "dashboard": "custom.dashboard.sql_8m2c4t6v",
      "name": "custom.dashboard.sql_8m2c4t6v",
      "panel_type": "dashboard",
      "source_definition": "",
      "status": "complete",
      "title": "Custom query [8m2c4t6v]",
      "data": {
        "columns": null,
        "rows": null
      }
    },
    "custom.table.results": {
      "dashboard": "custom.dashboard.sql_8m2c4t6v",
      "name": "custom.table.results",
      "panel_type": "table",
      "source_definition": "",
      "status": "complete",
      "sql": "select\n  *\nfrom\n  aws_vpc_flow_log\nwhere\n  resource_id = 'vpc-06262a0b1c2d3e4f5'",
      "properties": {
        "name": "results"
      },
      "data": {
        "columns": [
          {
            "name": "flow_log_id",
            "data_type": "TEXT"
          },
          {
            "name": "creation_time",
            "data_type": "TEXT"
          },
          {
            "name": "deliver_logs_error_message",
            "data_type": "TEXT"
          },
          {
            "name": "deliver_logs_permission_arn",
            "data_type": "TEXT"
          },
          {
            "name": "deliver_logs_status",
            "data_type": "TEXT"
          },
          {
            "name": "flow_log_status",
            "data_type": "TEXT"
          },
          {
            "name": "log_group_name",
            "data_type": "TEXT"
          },
          {
            "name": "resource_id",
            "data_type": "TEXT"
          },
          {
            "name": "traffic_type",
            "data_type": "TEXT"
          },
          {
            "name": "log_destination_type",
            "data_type": "TEXT"
          },
          {
            "name": "log_destination",
            "data_type": "TEXT"
          },
          {
            "name": "bucket_name",
            "data_type": "TEXT"
          },
          {
            "name": "log_format",
            "data_type": "TEXT"
          },
          {
            "name": "max_aggregation_interval",
            "data_type": "INT8"
          },
          {
            "name": "tags_src",
            "data_type": "TEXT"
          },
          {
            "name": "tags",
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
            "flow_log_id": "fl-06262a7b8c9d0e1f2",
            "creation_time": "2025-08-01T03:04:05Z",
            "deliver_logs_error_message": null,
            "deliver_logs_permission_arn": null,
            "deliver_logs_status": "SUCCESS",
            "flow_log_status": "ACTIVE",
            "log_group_name": null,
            "resource_id": "vpc-06262a0b1c2d3e4f5",
            "traffic_type": "ALL",
            "log_destination_type": "s3",
            "log_destination": "arn:aws:s3:::exp-flow-logs-626262626262",
            "bucket_name": "exp-flow-logs-626262626262",
            "log_format": "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}",
            "max_aggregation_interval": 600,
            "tags_src": null,
            "tags": null,
            "title": "fl-06262a7b8c9d0e1f2",
            "akas": [
              "arn:aws:ec2:ap-northeast-1:626262626262:vpc-flow-log/fl-06262a7b8c9d0e1f2"
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
    "name": "custom.dashboard.sql_8m2c4t6v",
    "children": [
      {
        "name": "custom.table.results",
        "panel_type": "table"
      }
    ],
    "panel_type": "dashboard"
  }
}