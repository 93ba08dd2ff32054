import { notFound } from "~/modules/auth/require-user.server";

export async function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
