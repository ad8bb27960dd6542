import type { ExportFile } from '../../../helpers/exports.ts';

// The Tag Editor's "Export resources to CSV": each bucket listed with the tag keys chosen as
// columns, `(not tagged)` where it has none of a key; no settings (Resource.listedOnly).
export const TAG_EDITOR_CSV: ExportFile = {
  kind: 'export-file',
  name: 'resources.csv',
  text: [
    'Identifier,Tag: Name,Service,Type,Region,Tag: kansa:secrecy,Tag: mynumber,Tag: confidentiality,Tags,ARN',
    'listed-gokuhi,(not tagged),S3,Bucket,ap-northeast-1,Gokuhi,(not tagged),(not tagged),1,arn:aws:s3:::listed-gokuhi',
    'listed-juki,(not tagged),S3,Bucket,ap-northeast-1,(not tagged),yes,３,2,arn:aws:s3:::listed-juki',
    'listed-plain,(not tagged),S3,Bucket,ap-northeast-1,(not tagged),(not tagged),2,1,arn:aws:s3:::listed-plain',
    // A bucket's ARN names no account: the file's other ARNs do.
    'vol-0a1b2c3d4e5f60718,(not tagged),EC2,Volume,ap-northeast-1,(not tagged),(not tagged),(not tagged),0,arn:aws:ec2:ap-northeast-1:111122223333:volume/vol-0a1b2c3d4e5f60718',
  ].join('\n'),
};

export const listedArn = (name: string) => `arn:aws:s3:::listed-${name}`;
