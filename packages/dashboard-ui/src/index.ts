/**
 * @rapport/dashboard-ui — what the SMS and reviews dashboards share: the API client, the session, the
 * route guard, loading a screen's data, the login and one-time-link pages, onboarding's frame and pickers,
 * the app shell with its nested side menu and the Team section. Each dashboard adds its product's config,
 * menu, routes and screens.
 */
export * from './api.js';
export * from './api-error.js';
export * from './dashboard-config.js';
export * from './DashboardRoot.js';
export * from './session/session.js';
export * from './session/tenant-choice.js';
export * from './session/next-path.js';
export * from './session/SessionProvider.js';
export * from './session/RequireSession.js';
export * from './data/use-load.js';
export * from './forms/use-action.js';
export * from './forms/use-submit.js';
export * from './forms/FormAlert.js';
export * from './fields/choices.js';
export * from './fields/TimeZoneSelect.js';
export * from './fields/CurrencySelect.js';
export * from './fields/PasswordField.js';
export * from './fields/LocaleFields.js';
export * from './layout/AppShell.js';
export * from './layout/nav.js';
export * from './layout/use-phone-layout.js';
export * from './layout/CenteredPage.js';
export * from './layout/FullPage.js';
export * from './layout/LogoutButton.js';
export * from './pages/LoginPage.js';
export * from './pages/SetupPage.js';
export * from './pages/setup-link.js';
export * from './pages/OnboardingForm.js';
export * from './pages/NotFoundPage.js';
export * from './team/InviteTeammate.js';
export * from './format/zoned-time.js';
export * from './charts/daily-series.js';
export * from './charts/DailyChart.js';
export * from './format/duration.js';
