// The proxies module: each chip's own residential exit, its quota, health and rotation. It knows nothing of WAHA
// sessions: the chips domain applies exits to them (and hands the health loop a rotate that does).
export { assignProxy, releaseProxy, rotateProxy } from "./assign-proxy";
export type { AssignProxyOptions, ReleaseProxyOptions, RotateProxyOptions } from "./assign-proxy";
export { checkChipProxy, checkProxy } from "./check-proxy";
export { assignChipProxy, getChipProxy, releaseChipProxy } from "./chip-proxy";
export { checkAllProxies, startProxyHealthLoop } from "./health-loop";
export type { ProxyHealthLoop, RotateChipProxy } from "./health-loop";
export type { ProxyFailureReason } from "./probe-through-proxy";
export { getProxyQuota } from "./proxy-quota";
export type { ProxyQuota } from "./proxy-quota";
export { proxySettingsFromEnv } from "./proxy-settings";
export type { ProxySettings } from "./proxy-settings";
export { proxyConfigFor } from "./proxy-config";
export type { WahaProxyConfig } from "./proxy-config";
export { toProxyView } from "./proxy-view";
export type { ProxyView } from "./proxy-view";
