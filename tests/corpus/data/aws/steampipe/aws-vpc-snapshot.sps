{
  "schema_version": "20221222",
  "panels": {
    "custom.dashboard.sql_3pq8w0zc": {
      "dashboard": "custom.dashboard.sql_3pq8w0zc",
      "name": "custom.dashboard.sql_3pq8w0zc",
      "panel_type": "dashboard",
      "source_definition": "",
      "status": "complete",
      "title": "Custom query [3pq8w0zc]",
      "data": {
        "columns": null,
        "rows": null
      }
    },
    "custom.table.results": {
      "dashboard": "custom.dashboard.sql_3pq8w0zc",
      "name": "custom.table.results",
      "panel_type": "table",
      "source_definition": "",
      "status": "complete",
      "sql": "select * from aws_vpc",
      "properties": {
        "name": "results"
      },
      "data": {
        "columns": [
          {
            "name": "vpc_id",
            "data_type": "TEXT"
          },
          {
            "name": "arn",
            "data_type": "TEXT"
          },
          {
            "name": "cidr_block",
            "data_type": "TEXT"
          },
          {
            "name": "state",
            "data_type": "TEXT"
          },
          {
            "name": "is_default",
            "data_type": "BOOL"
          },
          {
            "name": "dhcp_options_id",
            "data_type": "TEXT"
          },
          {
            "name": "instance_tenancy",
            "data_type": "TEXT"
          },
          {
            "name": "owner_id",
            "data_type": "TEXT"
          },
          {
            "name": "cidr_block_association_set",
            "data_type": "JSONB"
          },
          {
            "name": "ipv6_cidr_block_association_set",
            "data_type": "TEXT"
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
            "vpc_id": "vpc-06262a0b1c2d3e4f5",
            "arn": "arn:aws:ec2:ap-northeast-1:626262626262:vpc/vpc-06262a0b1c2d3e4f5",
            "cidr_block": "10.62.0.0/16",
            "state": "available",
            "is_default": false,
            "dhcp_options_id": "dopt-0626262626",
            "instance_tenancy": "default",
            "owner_id": "626262626262",
            "cidr_block_association_set": [
              {
                "AssociationId": "vpc-cidr-assoc-d3e4f5",
                "CidrBlock": "10.62.0.0/16",
                "CidrBlockState": {
                  "State": "associated",
                  "StatusMessage": null
                }
              }
            ],
            "ipv6_cidr_block_association_set": null,
            "tags_src": null,
            "tags": null,
            "title": "vpc-06262a0b1c2d3e4f5",
            "akas": [
              "arn:aws:ec2:ap-northeast-1:626262626262:vpc/vpc-06262a0b1c2d3e4f5"
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
            "vpc_id": "vpc-06262f5e4d3c2b1a0",
            "arn": "arn:aws:ec2:ap-northeast-1:626262626262:vpc/vpc-06262f5e4d3c2b1a0",
            "cidr_block": "172.31.0.0/16",
            "state": "available",
            "is_default": true,
            "dhcp_options_id": "dopt-0626262626",
            "instance_tenancy": "default",
            "owner_id": "626262626262",
            "cidr_block_association_set": [
              {
                "AssociationId": "vpc-cidr-assoc-c2b1a0",
                "CidrBlock": "172.31.0.0/16",
                "CidrBlockState": {
                  "State": "associated",
                  "StatusMessage": null
                }
              }
            ],
            "ipv6_cidr_block_association_set": null,
            "tags_src": null,
            "tags": null,
            "title": "vpc-06262f5e4d3c2b1a0",
            "akas": [
              "arn:aws:ec2:ap-northeast-1:626262626262:vpc/vpc-06262f5e4d3c2b1a0"
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
    "name": "custom.dashboard.sql_3pq8w0zc",
    "children": [
      {
        "name": "custom.table.results",
        "panel_type": "table"
      }
    ],
    "panel_type": "dashboard"
  }
}