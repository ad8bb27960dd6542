/**
 * Stands for an element of a Terraform plan's list known only after apply (the ARN or id of a
 * resource the plan creates) where kansa works a document out of the plan: a policy's
 * resources and condition values, an IAM binding's members. Such a value is never a wildcard,
 * so it narrows what a statement covers as the real value will; a reader that must know whether
 * it names a particular resource (the bucket a policy protects) can only tell that it may.
 */
export const KNOWN_AFTER_APPLY_ELEMENT = '(known after apply)';
