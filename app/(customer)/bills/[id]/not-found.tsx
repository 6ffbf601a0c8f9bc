import { NotFoundPanel } from "@/components/not-found-panel";

export default function NotFound() {
  return <NotFoundPanel what="bill" />;
}
