import { AdminHeader, AdminSkeleton } from "@/components/admin/admin-skeletons";

export default function AdminLoading() {
  return (
    <>
      <AdminHeader />
      <AdminSkeleton />
    </>
  );
}
