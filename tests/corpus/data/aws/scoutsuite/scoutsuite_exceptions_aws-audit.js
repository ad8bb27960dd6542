exceptions =
{}
