export { isAdmin, requireAdmin } from "./require-admin";
export { listUsersOverview, type UserOverview } from "./list-users-overview";
export { getInstanceUsage, type InstanceUsage, type InstanceUsageState } from "./get-instance-usage";
export { setUserStatus, type SetUserStatusOptions } from "./set-user-status";
export { promoteToAdmin } from "./promote-to-admin";
